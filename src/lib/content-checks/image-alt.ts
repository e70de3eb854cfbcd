/** image-alt: each image needs words (alt text) for people who cannot see it. */
import type { Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import { imagesOf } from "./images.ts";
import { report, ruleMeta } from "./rule.ts";

const imageAlt = lintRule<Root>(ruleMeta("image-alt"), (tree, file) => {
  for (const image of imagesOf(tree)) {
    if (image.alt?.trim()) continue;
    report(
      file,
      `The image ${image.src} has no alt text.`,
      image.position,
      "Say what the image shows, in a short sentence, between the square brackets: ![A practitioner and a woman talking at a table](/images/meeting.jpg). If it is only decoration, remove it.",
    );
  }
});

export default imageAlt;
