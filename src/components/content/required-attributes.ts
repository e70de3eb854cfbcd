/**
 * What each building block cannot do without, declared once: the attributes a page must give
 * it, each with its kind and an example. The block's Props are typed from it (BlockProps), the
 * content checks report a block written without one (building-block.ts), and the editor makes
 * each a field it will not save empty (src/keystatic/content-components.ts). It imports
 * nothing, so the checks can read it in Node and in the browser editor alike.
 */

/** The kinds of value an attribute can hold, each with its type in a block's Props. */
interface AttributeKinds {
  /** Words, which must not be blank. */
  text: string;
}

export type AttributeKind = keyof AttributeKinds;

export interface RequiredAttribute {
  kind: AttributeKind;
  /** A value an editor might write, for the checks' "Write it like this". */
  example: string;
}

export const REQUIRED_ATTRIBUTES = {
  /** summary: the line people click or tap to open it. */
  Details: { summary: { kind: "text", example: "More about letters" } },
  /** title: what happens in this step, in a few words. It is the step's heading. */
  Step: { title: { kind: "text", example: "A practitioner meets you" } },
  /** href: the English-only page a translated page links to. */
  InEnglish: { href: { kind: "text", example: "/privacy/" } },
} as const satisfies Record<string, Record<string, RequiredAttribute>>;

export type BlockWithRequiredAttributes = keyof typeof REQUIRED_ATTRIBUTES;

/** The names of the attributes a block requires. */
export type RequiredAttributeOf<Block extends BlockWithRequiredAttributes> = keyof (typeof REQUIRED_ATTRIBUTES)[Block];

/** A block's Props, from what it requires: BlockProps<"Step"> is { title: string }. */
export type BlockProps<Block extends BlockWithRequiredAttributes> = {
  -readonly [Name in RequiredAttributeOf<Block>]: (typeof REQUIRED_ATTRIBUTES)[Block][Name] extends {
    kind: infer Kind extends AttributeKind;
  }
    ? AttributeKinds[Kind]
    : never;
};

/** The attributes a block, named as a page writes it, requires: none for a block not declared here. */
export function requiredAttributesOf(block: string): [name: string, attribute: RequiredAttribute][] {
  if (!Object.hasOwn(REQUIRED_ATTRIBUTES, block)) return [];
  return Object.entries(REQUIRED_ATTRIBUTES[block as BlockWithRequiredAttributes]);
}
