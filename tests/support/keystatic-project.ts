/** The throwaway project copy, shared with scripts (which never import tests): scripts/lib/project-copy.ts. */
export { projectCopy, ROOT, type ProjectCopy } from "../../scripts/lib/project-copy.ts";
