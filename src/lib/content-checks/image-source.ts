/**
 * image-source: an image must be one of the site's own files, since pages load
 * nothing from other sites; with a site map, it must also exist in public/.
 */
import type { Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import { imagesOf } from "./images.ts";
import { report, ruleMeta } from "./rule.ts";
import type { SiteMap } from "./site-map.ts";

export interface ImageSourceOptions {
  siteMap?: SiteMap | undefined;
}

const imageSource = lintRule<Root, ImageSourceOptions>(ruleMeta("image-source"), (tree, file, options) => {
  const siteMap = options?.siteMap;
  for (const { src, position } of imagesOf(tree)) {
    if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) {
      report(
        file,
        `The image ${src} is on another website.`,
        position,
        "Our pages load nothing from other websites, to keep visits private. Save the image in public/images/ and use its address, such as /images/meeting.jpg.",
      );
    } else if (!src.startsWith("/")) {
      report(
        file,
        `The image address "${src}" does not start with /.`,
        position,
        "Save images in public/images/ and write their address from the root, such as /images/meeting.jpg.",
      );
    } else if (siteMap && !siteMap.has(decodeURI(src.split(/[?#]/)[0] ?? ""))) {
      report(
        file,
        `The image ${src} does not exist.`,
        position,
        `Save the image as public${src} or correct the address.`,
      );
    }
  }
});

export default imageSource;
