// docmend serve: the page's only script (served as a file: the page's
// Content-Security-Policy forbids inline script). It sends the pasted or
// dropped document to POST /api/convert and shows what comes back.

const $ = (id) => document.getElementById(id)
const paste = $('paste')
const fileInput = $('file')
const drop = $('drop')
const output = $('output')
const statusLine = $('status')
const errorBox = $('error')
const documentView = $('document')
const downloadButtons = [...document.querySelectorAll('[data-format]')]

/** The document on show: { body: string | Blob, name, label, from? } */
let current = null
/** The HTML flavour of the last paste, while the box still holds that paste. */
let pastedHtml = null

const KINDS = { docx: 'a Word document', pdf: 'a PDF', text: 'text', html: 'HTML', md: 'Markdown' }

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`
}

/** POST the input; resolve to the Response, or throw an Error with the server's one-line reason. */
async function post(to, input) {
  const query = new URLSearchParams({ to, name: input.name })
  if (input.from) query.set('from', input.from)
  let response
  try {
    response = await fetch(`/api/convert?${query}`, { method: 'POST', body: input.body })
  } catch {
    throw new Error('the server did not answer (is docmend serve still running?)')
  }
  if (!response.ok) {
    let reason = `the server answered ${response.status}`
    try {
      reason = (await response.json()).error || reason
    } catch {}
    throw new Error(reason)
  }
  return response
}

function setBusy(busy) {
  output.setAttribute('aria-busy', String(busy))
  $('repair').disabled = busy
  for (const button of downloadButtons) button.disabled = busy || current === null
}

function showError(text) {
  errorBox.textContent = ''
  if (!text) return
  const p = document.createElement('p')
  p.textContent = text
  errorBox.append(p)
}

function showMessages(messages) {
  const list = $('messages-list')
  list.textContent = ''
  for (const m of messages) {
    const li = document.createElement('li')
    li.textContent = m.line ? `${m.text} (line ${m.line})` : m.text
    list.append(li)
  }
  $('messages-summary').textContent = plural(messages.length, 'warning', 'warnings')
  $('messages').hidden = messages.length === 0
}

/** Put the sanitized fragment on the page, with each table's --explain line above it. */
function render(view) {
  documentView.lang = view.lang
  // view.html is the HTML writer's sanitized fragment (GitHub's schema); the CSP blocks script regardless.
  documentView.innerHTML = view.html
  documentView.querySelectorAll('table').forEach((table, i) => {
    const report = view.tables[i]
    const info = document.createElement('p')
    info.className = 'table-info'
    info.id = `table-info-${i + 1}`
    info.textContent = report ? report.summary : `table ${i + 1}`
    // Wide tables scroll sideways in a focusable region, so keyboards can scroll them too.
    const scroller = document.createElement('div')
    scroller.className = 'table-scroll'
    scroller.tabIndex = 0
    scroller.setAttribute('role', 'region')
    scroller.setAttribute('aria-labelledby', info.id)
    table.before(info, scroller)
    scroller.append(table)
  })
  statusLine.textContent = `${current.label}: read as ${KINDS[view.kind] ?? view.kind}, ${plural(view.tables.length, 'table', 'tables')} found. Title: ${view.title}`
  showMessages(view.messages)
}

async function show(input) {
  current = null
  showError('')
  statusLine.textContent = `Converting ${input.label}…`
  setBusy(true)
  try {
    const view = await (await post('preview', input)).json()
    current = input
    render(view)
  } catch (error) {
    documentView.textContent = ''
    showMessages([])
    statusLine.textContent = 'Nothing converted.'
    showError(`Could not convert ${input.label}: ${error.message}`)
  } finally {
    setBusy(false)
  }
}

function fileNameFrom(disposition) {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')
  if (extended) return decodeURIComponent(extended[1])
  const plain = /filename=(?:"([^"]+)"|([^;\s]+))/i.exec(disposition ?? '')
  return plain ? plain[1] ?? plain[2] : undefined
}

async function download(format) {
  if (!current) return
  showError('')
  setBusy(true)
  try {
    const response = await post(format, current)
    const blob = await response.blob()
    const link = document.createElement('a')
    link.href = URL.createObjectURL(blob)
    link.download = fileNameFrom(response.headers.get('Content-Disposition')) ?? `document.${format}`
    document.body.append(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000)
  } catch (error) {
    showError(`Could not make the ${format.toUpperCase()} file: ${error.message}`)
  } finally {
    setBusy(false)
  }
}

function showPaste() {
  if (pastedHtml !== null) return show({ body: pastedHtml, from: 'html', name: 'pasted', label: 'The pasted web page' })
  if (paste.value.trim() === '') return showError('Paste or type a document into the box first.')
  return show({ body: paste.value, name: 'pasted', label: 'The pasted text' })
}

function showFile(file) {
  if (file) show({ body: file, name: file.name, label: file.name })
}

paste.addEventListener('paste', (event) => {
  const html = event.clipboardData?.getData('text/html') ?? ''
  if (html.trim() === '') {
    pastedHtml = null
    setTimeout(showPaste) // after the browser has put the text in the box
    return
  }
  // Show the text, but convert the markup: tables keep their real cells.
  event.preventDefault()
  paste.value = event.clipboardData.getData('text/plain')
  pastedHtml = html
  showPaste()
})
paste.addEventListener('input', () => {
  pastedHtml = null
})
$('repair').addEventListener('click', showPaste)
fileInput.addEventListener('change', () => showFile(fileInput.files?.[0]))
for (const button of downloadButtons) button.addEventListener('click', () => download(button.dataset.format))

drop.addEventListener('dragover', (event) => {
  event.preventDefault()
  drop.classList.add('dragging')
})
drop.addEventListener('dragleave', () => drop.classList.remove('dragging'))
drop.addEventListener('drop', (event) => {
  event.preventDefault()
  drop.classList.remove('dragging')
  showFile(event.dataTransfer?.files?.[0])
})
// A file dropped beside the zone must not replace the page.
window.addEventListener('dragover', (event) => event.preventDefault())
window.addEventListener('drop', (event) => event.preventDefault())
