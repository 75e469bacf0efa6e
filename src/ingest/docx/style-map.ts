/**
 * mammoth style map: which Word paragraph styles become which HTML elements,
 * on top of mammoth's defaults (English `Heading 1…6`, lists, notes).
 * Word stores built-in style names in English whatever the UI language, but
 * WPS and some localized templates store `标题 1`; style ids vary too
 * (`Heading1`, `heading1`). Matching on names is case-insensitive in mammoth.
 * Our rules come before mammoth's defaults, so none may match an ordinary
 * (possibly numbered) paragraph style, or lists would turn into paragraphs.
 */

const LEVELS = [1, 2, 3, 4, 5, 6] as const

const headings = LEVELS.flatMap((n) => [
  `p[style-name='标题 ${n}'] => h${n}:fresh`,
  `p[style-name='标题${n}'] => h${n}:fresh`,
  `p.heading${n} => h${n}:fresh`
])

export const DOCX_STYLE_MAP: string[] = [
  // The document title, marked so the headings below it can nest under it
  // (Word's Title sits above Heading 1).
  "p[style-name='Title'] => h1.docx-title:fresh",
  "p[style-name='标题'] => h1.docx-title:fresh",
  'p.Title => h1.docx-title:fresh',
  ...headings,
  // A table of contents' own title ("Contents", "目录"), a heading as pandoc reads it.
  "p[style-name='TOC Heading'] => h1:fresh",
  // Table-of-contents entries (`TOC 1`, `toc 2`, WPS `目录 1`): their tabs are leaders before page numbers.
  "p[style-name^='TOC'] => p.docx-toc:fresh",
  "p[style-name^='toc'] => p.docx-toc:fresh",
  "p[style-name^='目录'] => p.docx-toc:fresh",
  // Quotations, as pandoc reads them.
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh"
]
