import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/**
 * Plain JSON, for data whose shape is owned by a pure library and travels unchanged (rule
 * sets): the library validates it, so the schema does not restate it field by field.
 */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Plain JSON data; its shape is documented where the field is',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
