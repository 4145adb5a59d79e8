import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  visit,
  type DocumentNode,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { MAX_PER_PAGE } from './crud/list-args.js';

/**
 * What one GraphQL request may ask for. Far above what the admin asks (its largest queries have
 * a few hundred tokens, depth 5 and no aliases) and far below what hurts: one request with
 * 3,000 aliased `members(perPage: 100)` once took 26 s and 2.3 GB.
 */
export const GRAPHQL_LIMITS = {
  /** Lexical tokens in the document; checked while parsing, so a huge document is never built. */
  maxTokens: 3000,
  /** Aliased fields per operation (fragments included). */
  maxAliases: 15,
  /** Nesting of fields; the introspection schema (`__schema`) does not count, its own query is depth 13. */
  maxDepth: 8,
  /**
   * Objects a query may ask the database for, counted as pages would fill: a paged field counts
   * perPage (its default, or the largest page when a variable decides) times what each item asks
   * for; any other list counts LIST_GUESS. The admin's largest screens stay below 2,000.
   */
  maxCost: 10_000,
} as const;

/** What a list without paging arguments is assumed to hold (agenda items, attendances, rules). */
const LIST_GUESS = 10;

/** The stable code of every refusal by a limit. */
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

export function tooComplex(message: string): GraphQLError {
  return new GraphQLError(`Frågan är för stor eller för komplex (${message}). Dela upp den i mindre frågor.`, { extensions: { code: QUERY_TOO_COMPLEX } });
}

/** Whether a parse error is graphql-js refusing a document with too many tokens. */
export function isTokenLimitError(message: string): boolean {
  return /Document contains more (?:that|than) \d+ tokens/.test(message);
}

/**
 * The limits as validation rules, each reporting its refusal as a QUERY_TOO_COMPLEX validation
 * error: graphql-armor's alias and depth rules, and a cost rule of our own that knows paging
 * (a structural cost cannot tell `perPage: 1` from `perPage: 100`).
 */
export function limitRules(): ValidationRule[] {
  const report = {
    propagateOnRejection: false,
    onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(tooComplex(err.message.replace(/^Syntax Error: /, '')))],
  };
  return [
    maxAliasesRule({ n: GRAPHQL_LIMITS.maxAliases, ...report }) as unknown as ValidationRule,
    maxDepthRule({ n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...report }) as unknown as ValidationRule,
    pagedCostRule(GRAPHQL_LIMITS.maxCost),
  ];
}

export function pagedCostRule(maxCost: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const schema = context.getSchema();
      const root =
        operation.operation === 'mutation'
          ? schema.getMutationType()
          : operation.operation === 'subscription'
            ? schema.getSubscriptionType()
            : schema.getQueryType();
      if (!root) return;
      const cost = selectionCost(context, operation.selectionSet, root, new Set(), false);
      if (cost > maxCost) context.reportError(tooComplex(`kostnad ${Math.round(cost)}, högst ${maxCost}`));
    },
  });
}

/** Unknown fields and types cost nothing here: the standard rules refuse them anyway. */
function selectionCost(context: ValidationContext, set: SelectionSetNode, type: GraphQLNamedType, fragments: Set<string>, inPage: boolean): number {
  let total = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition ? context.getSchema().getType(selection.typeCondition.name.value) : type;
      if (on) total += selectionCost(context, selection.selectionSet, on, fragments, inPage);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      if (!fragment || fragments.has(name)) continue;
      const on = context.getSchema().getType(fragment.typeCondition.name.value);
      if (on) total += selectionCost(context, fragment.selectionSet, on, new Set([...fragments, name]), inPage);
      continue;
    }
    if (!selection.selectionSet || selection.name.value.startsWith('__')) continue;
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const field = type.getFields()[selection.name.value];
    if (!field) continue;
    const perPageArg = field.args.find((a) => a.name === 'perPage');
    let times = 1;
    if (perPageArg) {
      const given = selection.arguments?.find((a) => a.name.value === 'perPage')?.value;
      times = given?.kind === Kind.INT ? Number(given.value) : given ? MAX_PER_PAGE : Number(perPageArg.defaultValue ?? MAX_PER_PAGE);
    } else if (isListType(getNullableType(field.type)) && !inPage) {
      times = LIST_GUESS;
    }
    // A page's own `items` list is the perPage already counted.
    total += Math.max(1, times) * (1 + selectionCost(context, selection.selectionSet, getNamedType(field.type), fragments, !!perPageArg));
  }
  return total;
}

/** Whether the document asks for the schema (`__schema` or `__type`); `__typename` is ordinary. */
export function asksForIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FIELD]: (node) => {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/**
 * "Did you mean …?" in validation messages spells out the schema field by field; where
 * introspection is closed, so are the hints.
 */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean .*$/s, '');
}
