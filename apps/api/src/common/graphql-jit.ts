import { Kind, valueFromASTUntyped, type DocumentNode, type OperationDefinitionNode } from 'graphql';

/**
 * Queries run compiled by graphql-jit after their first request (Mercurius `jit: 1`): executing
 * a council's meeting page through graphql-js was a third of the API's CPU (issue 12). Two ways
 * graphql-jit 0.8 differs from graphql-js are closed here, from Mercurius's preExecution hook:
 *
 * - A variable with a default that the request leaves out is refused as missing when its type
 *   is non-null (`$page: Int! = 1`): the defaults are filled in, as graphql-js would apply them.
 * - An input field whose variable is left out arrives as null instead of absent, and updates
 *   read absent as "unchanged" but null as "clear": mutations run through graphql-js. Returning
 *   the document counts as modifying it, and Mercurius never compiles a modified document.
 *
 * Returns what the hook should hand back to Mercurius (nothing when nothing changes).
 */
export function jitCompatible(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): { document?: DocumentNode; variables?: Record<string, unknown> } | undefined {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  if (!operation) return undefined;
  if (operation.operation !== 'query') return { document };
  let filled: Record<string, unknown> | undefined;
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (definition.defaultValue && variables?.[name] === undefined) (filled ??= { ...variables })[name] = valueFromASTUntyped(definition.defaultValue);
  }
  return filled && { variables: filled };
}
