/**
 * The building blocks of src/components/content/, as the editor knows them: each one's name, kind
 * and props, so that a page opened in the editor keeps its blocks and a new page can use them.
 * Names must match the .astro files; tests/pure/keystatic-fields.test.ts checks that none is missing.
 * The attributes a block requires come from src/components/content/required-attributes.ts;
 * only the words the editor shows for them are here.
 */
import { fields } from "@keystatic/core";
import { block, inline, mark, repeating, wrapper } from "@keystatic/core/content-components";
import { Icon } from "@keystar/ui/icon";
import { link2Icon } from "@keystar/ui/icon/icons/link2Icon";
import { createElement } from "react";
import {
  REQUIRED_ATTRIBUTES,
  type AttributeKind,
  type BlockWithRequiredAttributes,
  type RequiredAttribute,
  type RequiredAttributeOf,
} from "../components/content/required-attributes.ts";

/** What the editor shows beside an attribute's field. */
interface FieldWords {
  label: string;
  description: string;
}

/** The field for each kind of attribute, which the editor will not save empty. */
const FIELD_OF_KIND = {
  text: (words: FieldWords) => fields.text({ ...words, validation: { length: { min: 1 } } }),
} satisfies Record<AttributeKind, (words: FieldWords) => unknown>;

/** A block's fields: one for each attribute it requires, with the words given for each. */
function requiredFields<Block extends BlockWithRequiredAttributes>(
  block: Block,
  words: Record<RequiredAttributeOf<Block>, FieldWords>,
) {
  const attributes: Record<string, RequiredAttribute> = REQUIRED_ATTRIBUTES[block];
  const wordsFor = words as Record<string, FieldWords>;
  return Object.fromEntries(
    Object.entries(attributes).map(([name, { kind }]) => [name, FIELD_OF_KIND[kind](wordsFor[name]!)]),
  ) as Record<RequiredAttributeOf<Block>, ReturnType<(typeof FIELD_OF_KIND)[AttributeKind]>>;
}

export const editorComponents = {
  // <Warning>…</Warning>: text the reader must not miss, shown in bold beside a "!".
  Warning: wrapper({
    label: "Warning",
    description: "Something the reader must not miss, in bold beside a ! sign.",
    schema: {},
  }),
  // <Steps> holds only <Step title="…"> blocks: a numbered list whose steps have headings.
  Steps: repeating({
    label: "Steps",
    description: "A process told as numbered steps, each with a short title. Put it under a ## heading.",
    children: ["Step"],
    validation: { children: { min: 1 } },
    schema: {},
  }),
  Step: wrapper({
    label: "Step",
    description: "One step inside Steps.",
    forSpecificLocations: true,
    schema: requiredFields("Step", {
      title: { label: "Title", description: "What happens in this step, in a few words." },
    }),
  }),
  // <Details summary="…">…</Details>: a line that opens to show more.
  Details: wrapper({
    label: "More about…",
    description: "A short line that opens to show more text.",
    schema: requiredFields("Details", {
      summary: {
        label: "The line people click to open it",
        description: "For example: More about shuttle messages.",
      },
    }),
  }),
  // <GetHelpNow />: 999 first, then our line. Written once in its component.
  GetHelpNow: block({
    label: "Get help now",
    description: "For anyone in danger: call 999 first, then our free number.",
    schema: {},
  }),
  // <ContactDetails />: phone, opening hours and email, from the site settings.
  ContactDetails: block({
    label: "Contact details",
    description: "How to reach the team: phone, opening hours and email.",
    schema: {},
  }),
  // <PhoneLink />: our free number as a link a phone can call.
  PhoneLink: inline({
    label: "Phone number",
    description: "Our free phone number, as a link a phone can call.",
    schema: {},
  }),
  // <InEnglish href="/privacy/">words</InEnglish>: in a translation, a link to a page in English only.
  InEnglish: mark({
    label: "Link to a page in English",
    tag: "a",
    icon: createElement(Icon, { src: link2Icon }),
    schema: requiredFields("InEnglish", {
      href: { label: "The English page's address", description: "For example: /privacy/" },
    }),
  }),
  // <EnquiryLink>words</EnquiryLink>: a link to the enquiry form around the words chosen.
  EnquiryLink: mark({
    label: "Link to the enquiry form",
    tag: "a",
    icon: createElement(Icon, { src: link2Icon }),
    schema: {},
  }),
};
