/**
 * The placeholders an HTML page template can use, in one place: the writer
 * fills exactly these, and `convert --help` lists them from here.
 */
export const TEMPLATE_FIELDS = ['body', 'title', 'lang', 'dir', 'style', 'heading', 'toc'] as const

export type TemplateField = (typeof TEMPLATE_FIELDS)[number]
