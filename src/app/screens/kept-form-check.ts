import type { StoredFormCheckLine } from '../../storage/set-record.ts';
import { el } from '../dom.ts';

const STATUS_WORDS: Record<StoredFormCheckLine['status'], string> = {
  pass: 'pass. ',
  fix: 'fix this. ',
  'cannot-judge': 'not judged. ',
};

/**
 * A form check's card as it was kept: one line per check (its verdict and why) with the still of
 * its moment, when the person kept it. In the history and in the printed report.
 */
export function keptFormCheck(lines: readonly StoredFormCheckLine[]): HTMLElement {
  return el(
    'ul',
    { class: 'kept-check', 'data-kept-check': '' },
    ...lines.map((l) =>
      el(
        'li',
        { 'data-check': l.check, 'data-status': l.status },
        el('strong', {}, `${l.label}: `),
        STATUS_WORDS[l.status],
        l.text,
        l.still !== undefined && el('img', { src: l.still, alt: `${l.label}: the moment` }),
      ),
    ),
  );
}
