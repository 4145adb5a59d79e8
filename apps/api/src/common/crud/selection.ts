import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The fields a query asks for below the field being resolved, by schema name (aliases and
 * fragments folded in), so a list can read what its items will need in the statement that
 * reads the items. Fields under @skip/@include count as asked for: reading a little more is
 * harmless, reading too little would cost a statement per item.
 */
export interface Selection {
  [field: string]: Selection;
}

export function selectionOf(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Selection {
  const out: Selection = {};
  for (const node of info.fieldNodes) if (node.selectionSet) collect(node.selectionSet, info.fragments, out);
  return out;
}

function collect(set: SelectionSetNode, fragments: GraphQLResolveInfo['fragments'], out: Selection): void {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      const below = (out[s.name.value] ??= {});
      if (s.selectionSet) collect(s.selectionSet, fragments, below);
    } else if (s.kind === Kind.INLINE_FRAGMENT) collect(s.selectionSet, fragments, out);
    else {
      const fragment = fragments[s.name.value];
      if (fragment) collect(fragment.selectionSet, fragments, out);
    }
  }
}
