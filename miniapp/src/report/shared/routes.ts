/** A term's dates (as ./term's Term; written out so the tests' project can import this file). */
type Term = { from: string; to: string }

const q = encodeURIComponent

/** Pages of this sub-package that only it opens. */
export const REPORT_ROUTES = {
  records: (figure: string, t: Term, title: string) =>
    `/report/records/index?figure=${q(figure)}&from=${q(t.from)}&to=${q(t.to)}&title=${q(title)}`,
  careForm: (visitId?: string) => (visitId ? `/report/care-form/index?id=${q(visitId)}` : '/report/care-form/index'),
}
