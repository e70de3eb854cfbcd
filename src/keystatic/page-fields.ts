/**
 * The editor's fields for a page's settings, derived from the schema the build checks them with
 * (src/lib/page-schema.ts), so the two cannot drift: a setting added there appears here, with the
 * same limits, or the editor fails to start and tests/pure/keystatic-fields.test.ts fails with it.
 * The schema is read through zod's JSON Schema output, its public description of itself.
 */
import { fields, type BasicFormField, type ComponentSchema } from "@keystatic/core";
import { Flex } from "@keystar/ui/layout";
import { createElement } from "react";
// astro/zod, as the schema this reads is built with (src/lib/page-schema.ts).
import { z } from "astro/zod";

/** The parts of JSON Schema that z.toJSONSchema writes for the kinds of setting a page has. */
interface SettingSchema {
  type?: string;
  title?: string;
  description?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: string[];
  default?: unknown;
  properties?: Record<string, SettingSchema>;
  required?: string[];
  additionalProperties?: boolean;
  anyOf?: SettingSchema[];
}

export interface FieldOptions {
  /** The text setting whose value also names the file (Keystatic's slug field). */
  slugField?: string;
  /** The latest day a date setting may hold, as YYYY-MM-DD (the schema refuses later days). */
  today?: string;
}

/** The settings schema as JSON Schema: what the file holds (input), not what the build makes of it. */
export function settingsJsonSchema(schema: z.ZodType): SettingSchema {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as SettingSchema;
}

type SlugField = ReturnType<typeof fields.slug>;

/** One Keystatic field for each setting in the schema, in the schema's order (the files' order). */
export function fieldsFromSchema<Schema extends z.ZodObject, Slug extends keyof z.input<Schema> & string = never>(
  schema: Schema,
  options: FieldOptions & { slugField?: Slug } = {},
): Record<Exclude<keyof z.input<Schema> & string, Slug>, ComponentSchema> & Record<Slug, SlugField> {
  return fieldsFromObject(settingsJsonSchema(schema), options, "") as never;
}

function fieldsFromObject(
  object: SettingSchema,
  options: FieldOptions,
  prefix: string,
): Record<string, BasicFormField<never> | ComponentSchema> {
  const required = new Set(object.required ?? []);
  return Object.fromEntries(
    Object.entries(object.properties ?? {}).map(([key, setting]) => [
      key,
      fieldFor(`${prefix}${key}`, setting, required.has(key), options),
    ]),
  );
}

const SAFE_MAX = Number.MAX_SAFE_INTEGER;

function fieldFor(name: string, setting: SettingSchema, isRequired: boolean, options: FieldOptions): ComponentSchema {
  const label = setting.title ?? name;
  const description = setting.description;
  if (setting.format === "date") {
    // The schema reads a date or its text; the editor writes YYYY-MM-DD without quotes, as editors do.
    return fields.date({
      label,
      ...(description ? { description } : {}),
      validation: { isRequired: true, ...(options.today ? { max: options.today } : {}) },
    });
  }
  if (name === options.slugField && setting.type === "string") {
    return fields.slug({
      name: {
        label,
        ...(description ? { description } : {}),
        validation: {
          length: { min: setting.minLength ?? 1, ...(setting.maxLength ? { max: setting.maxLength } : {}) },
        },
      },
      slug: {
        label: "Address",
        description:
          "The last part of the page's address, such as contact-us for /contact-us/. Small letters and dashes.",
      },
    });
  }
  if (setting.type === "string" && setting.enum) {
    const values = setting.enum;
    return fields.select({
      label,
      ...(description ? { description } : {}),
      options: values.map((value) => ({ label: value, value })),
      defaultValue: typeof setting.default === "string" ? setting.default : values[0]!,
    });
  }
  if (setting.type === "string") {
    const max = setting.maxLength;
    return fields.text({
      label,
      ...(description ? { description } : {}),
      // A setting long enough to wrap gets a box of several lines.
      multiline: (max ?? Infinity) > 80,
      // An empty optional text is left out of the file, so its minimum applies only when written.
      validation: { length: { min: isRequired ? (setting.minLength ?? 0) : 0, ...(max ? { max } : {}) } },
    });
  }
  if (setting.type === "integer") {
    return fields.integer({
      label,
      ...(description ? { description } : {}),
      validation: {
        isRequired,
        ...(setting.minimum !== undefined ? { min: setting.minimum } : {}),
        ...(setting.maximum !== undefined && setting.maximum < SAFE_MAX ? { max: setting.maximum } : {}),
      },
    });
  }
  if (setting.type === "boolean") {
    const defaultValue = setting.default === true;
    return leaveOutDefault(
      fields.checkbox({ label, ...(description ? { description } : {}), defaultValue }),
      defaultValue,
    );
  }
  if (setting.type === "object") {
    return settingsGroup(label, description, fieldsFromObject(setting, options, `${name}.`), isRequired);
  }
  throw new Error(
    `The page setting "${name}" has no editor field: teach src/keystatic/page-fields.ts its kind (${JSON.stringify(setting)}).`,
  );
}

/** A checkbox that writes nothing when left at its default, as the files do (no `draft: false`). */
function leaveOutDefault(field: BasicFormField<boolean>, defaultValue: boolean): BasicFormField<boolean> {
  return { ...field, serialize: (value) => ({ value: value === defaultValue ? undefined : value }) };
}

type GroupValue = Record<string, unknown> | null;

/**
 * Settings written together: a page's place in a menu, which is either all left out or all
 * written, or a translation's record of its source, which is always there. Keystatic's own object
 * field always writes its key and its conditional field writes a `discriminant`, neither of which
 * the schema allows, so this field writes the group, or nothing when an optional one is unticked.
 */
function settingsGroup(
  label: string,
  description: string | undefined,
  members: Record<string, ComponentSchema>,
  required: boolean,
): BasicFormField<GroupValue> {
  const inner = Object.entries(members).map(([key, field]) => {
    // Text fields are "slug" fields too (any may name a file); inside a group they are plain text.
    if (field.kind !== "form" || (field.formKind !== undefined && field.formKind !== "slug")) {
      throw new Error(`"${key}" cannot sit in a group.`);
    }
    return [key, field as BasicFormField<NonNullable<unknown>>] as const;
  });
  const toggle = fields.checkbox({ label, ...(description ? { description } : {}) });
  const defaults = () => Object.fromEntries(inner.map(([key, field]) => [key, field.defaultValue()]));
  const parse = (stored: unknown): GroupValue => {
    if (stored === undefined) return required ? defaults() : null;
    if (typeof stored !== "object" || stored === null || Array.isArray(stored) || stored instanceof Date) {
      throw new Error(`${label} must be a group of settings.`);
    }
    const unknown = Object.keys(stored).filter((key) => !inner.some(([name]) => name === key));
    if (unknown.length) throw new Error(`"${unknown[0]}" is not a setting ${label} has.`);
    const values = stored as Record<string, never>;
    return Object.fromEntries(inner.map(([key, field]) => [key, field.parse(values[key])]));
  };
  const validate = (value: GroupValue): GroupValue =>
    value === null ? null : Object.fromEntries(inner.map(([key, field]) => [key, field.validate(value[key] as never)]));
  return {
    kind: "form",
    label,
    defaultValue: () => (required ? defaults() : null),
    parse,
    validate,
    serialize(value) {
      if (value === null) return { value: undefined };
      const written = inner
        .map(([key, field]) => [key, field.serialize(value[key] as never).value] as const)
        .filter(([, stored]) => stored !== undefined);
      return { value: Object.fromEntries(written) as Record<string, never> };
    },
    reader: { parse: (stored) => validate(parse(stored)) },
    Input({ value, onChange, autoFocus, forceValidation }) {
      return createElement(
        Flex,
        { direction: "column", gap: "xlarge" },
        ...(required
          ? []
          : [
              toggle.Input({
                value: value !== null,
                onChange: (on) => onChange(on ? defaults() : null),
                autoFocus,
                forceValidation,
              }),
            ]),
        ...(value === null
          ? []
          : inner.map(([key, field]) =>
              createElement(field.Input, {
                key,
                value: value[key] as never,
                onChange: (next: unknown) => onChange({ ...value, [key]: next }),
                autoFocus: false,
                forceValidation,
              }),
            )),
      );
    },
  };
}
