import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the admin, checked against the API's checked-in schema. Codegen fails
 * on a document that no longer validates (unknown field, wrong argument, wrong variable
 * type); tsc then fails where the admin's code no longer fits the results (e.g. a renamed
 * enum value). The output is generated, never edited: `npm run codegen`.
 */
const config: CodegenConfig = {
    schema: '../../schema.graphql',
    documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
    ignoreNoDocuments: false,
    generates: {
        'src/gql/': {
            preset: 'client',
            presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
            config: {
                // Plain strings on the wire: no GraphQL runtime in the bundle.
                documentMode: 'string',
                // Enums as `const` objects, so the admin's choices are the schema's values.
                enumType: 'const',
                useTypeImports: true,
                strictScalars: true,
                scalars: { DateTime: 'string', JSON: 'unknown' },
            },
        },
    },
};

export default config;
