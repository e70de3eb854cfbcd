/** The parts of text-readability the content checks use; the package ships no types. */
declare module "text-readability" {
  interface Readability {
    fleschKincaidGrade(text: string): number;
    lexiconCount(text: string, removePunctuation?: boolean): number;
    syllableCount(text: string): number;
    sentenceCount(text: string): number;
  }
  const readability: Readability;
  export default readability;
}
