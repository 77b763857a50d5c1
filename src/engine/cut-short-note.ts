/**
 * What the report of a video read only part of the way says (a file cut short or damaged, whose
 * header gives more length than it has frames): the page and `formcheck analyze` say it alike.
 */
export function cutShortNote(readSec: number, durationSec: number): string {
  const of = Number.isFinite(durationSec) ? `the video's ${durationSec.toFixed(1)} s` : 'the video';
  return `Only the first ${readSec.toFixed(1)} s of ${of} could be read (the file looks cut short or damaged): this report is of that part.`;
}
