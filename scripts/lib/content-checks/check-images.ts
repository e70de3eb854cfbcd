/**
 * Images: each needs words (alt text) for people who cannot see it, and must be one of the
 * site's own files, since pages load nothing from other sites.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Nodes } from "mdast";
import { visit } from "unist-util-visit";
import { attributeOf, isJsxElement } from "./mdx-nodes.ts";
import type { PageSource } from "./page-source.ts";
import { placeOf, type Problem } from "./problem.ts";

export function checkImages(page: PageSource, publicDir: string): Problem[] {
  const problems: Problem[] = [];
  visit(page.tree as Nodes, (node) => {
    let src: string | undefined;
    let alt: string | undefined;
    if (node.type === "image") {
      src = node.url;
      alt = node.alt ?? undefined;
    } else if (isJsxElement(node) && node.name === "img") {
      src = attributeOf(node, "src").text ?? "";
      alt = attributeOf(node, "alt").text;
    } else {
      return;
    }
    const at = { file: page.file, ...placeOf(node), severity: "error" as const };
    if (!alt?.trim()) {
      problems.push({
        ...at,
        rule: "image-alt",
        message: `The image ${src} has no alt text.`,
        fix: "Say what the image shows, in a short sentence, between the square brackets: ![A practitioner and a woman talking at a table](/images/meeting.jpg). If it is only decoration, remove it.",
      });
    }
    if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) {
      problems.push({
        ...at,
        rule: "image-source",
        message: `The image ${src} is on another website.`,
        fix: "Our pages load nothing from other websites, to keep visits private. Save the image in public/images/ and use its address, such as /images/meeting.jpg.",
      });
    } else if (src.startsWith("/") && !existsSync(join(publicDir, decodeURI(src.split(/[?#]/)[0] ?? "")))) {
      problems.push({
        ...at,
        rule: "image-source",
        message: `The image ${src} does not exist.`,
        fix: `Save the image as public${src} or correct the address.`,
      });
    } else if (!src.startsWith("/")) {
      problems.push({
        ...at,
        rule: "image-source",
        message: `The image address "${src}" does not start with /.`,
        fix: "Save images in public/images/ and write their address from the root, such as /images/meeting.jpg.",
      });
    }
  });
  return problems;
}
