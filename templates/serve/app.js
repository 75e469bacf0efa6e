// docmend serve: the page's only script (served as a file: the page's
// Content-Security-Policy forbids inline script). It sends the pasted or
// dropped document to POST /api/convert and shows what comes back; with a
// queue (serve --queue) it also sends it as a job and follows the job's state.

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
/** The last document pasted or dropped, shown or not: what "Send to the queue" sends. */
let lastInput = null
/** The HTML flavour of the last paste, while the box still holds that paste. */
let pastedHtml = null

const KINDS = { docx: 'a Word document', pdf: 'a PDF', text: 'text', html: 'HTML', md: 'Markdown' }

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`
}

/** The API key this tab sends (a server off loopback asks for one), kept for the tab's life only. */
let apiKey = sessionStorage.getItem('docmend-api-key') ?? ''
const keyForm = $('key-form')

/** A request to the API, with the key when there is one; resolves to the Response, or throws an Error with a one-line reason. */
async function api(path, init = {}) {
  const headers = new Headers(init.headers)
  if (apiKey) headers.set('X-Api-Key', apiKey)
  let response
  try {
    response = await fetch(path, { ...init, headers })
  } catch {
    throw new Error('the server did not answer (is docmend serve still running?)')
  }
  if (response.status === 401) {
    keyForm.hidden = false
    throw new Error(apiKey ? 'the server refused the API key: enter the right one at the top of the page' : 'this server needs its API key: enter it at the top of the page, then try again')
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

/** POST the input for one output; resolves to the Response. */
function post(to, input, path = '/api/convert') {
  const query = new URLSearchParams({ to, name: input.name })
  if (input.from) query.set('from', input.from)
  return api(`${path}?${query}`, { method: 'POST', body: input.body })
}

keyForm.addEventListener('submit', (event) => {
  event.preventDefault()
  apiKey = $('api-key').value.trim()
  sessionStorage.setItem('docmend-api-key', apiKey)
  keyForm.hidden = true
  showError('')
  statusLine.textContent = 'API key set: paste, drop or download again.'
  void findQueue()
})

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

/**
 * The HTML writer draws list labels as a `list-style-type` style attribute,
 * which the page's CSP (style-src 'self') does not apply; set the same value
 * through the CSSOM, which the CSP allows. Only list-style-type is copied.
 */
const LIST_STYLE = /^list-style-type: ([a-z-]+|"(?:[^"\\\n\r\f]|\\[\\"])*")$/
function applyListMarkers(root) {
  for (const element of root.querySelectorAll('ol[style], li[style]')) {
    const m = LIST_STYLE.exec(element.getAttribute('style'))
    if (m) element.style.listStyleType = m[1]
  }
}

/** Put the sanitized fragment on the page, with each table's --explain line above it. */
function render(view) {
  documentView.lang = view.lang
  // view.html is the HTML writer's sanitized fragment (GitHub's schema); the CSP blocks script regardless.
  documentView.innerHTML = view.html
  applyListMarkers(documentView)
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
  lastInput = input
  queueButton.disabled = false
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
    await save(response, format)
  } catch (error) {
    showError(`Could not make the ${format.toUpperCase()} file: ${error.message}`)
  } finally {
    setBusy(false)
  }
}

/** Save a response's body as a download, under the name the server gives. */
async function save(response, format) {
  const blob = await response.blob()
  const link = document.createElement('a')
  link.href = URL.createObjectURL(blob)
  link.download = fileNameFrom(response.headers.get('Content-Disposition')) ?? `document.${format}`
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000)
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

// Jobs (`docmend serve --queue`): the section shows only when the server has a queue.
const jobsSection = $('jobs')
const jobsList = $('jobs-list')
const queueButton = $('queue-job')
/** Jobs sent from this page, by id: { id, label, format, row, state }. */
const jobs = new Map()
const FINISHED = new Set(['completed', 'failed', 'unknown'])
const STATE_TEXT = {
  waiting: 'waiting for a worker',
  active: 'being converted',
  delayed: 'waiting to be tried again',
  completed: 'completed',
  failed: 'failed',
  unknown: 'expired or removed'
}
let polling = null

function showJobsError(text) {
  const box = $('jobs-error')
  box.textContent = ''
  if (!text) return
  const p = document.createElement('p')
  p.textContent = text
  box.append(p)
}

/** Does this server have a queue? GET /api/jobs answers 200 only then. */
async function findQueue() {
  try {
    await api('/api/jobs')
    jobsSection.hidden = false
  } catch {
    // No queue (404), or the key is still to be given (401): the section stays hidden.
  }
}

async function sendJob() {
  if (!lastInput) return
  const format = $('job-format').value
  showJobsError('')
  queueButton.disabled = true
  try {
    const { id } = await (await post(format, lastInput, '/api/jobs')).json()
    if (!jobs.has(id)) {
      const row = document.createElement('tr')
      row.dataset.job = id
      row.append(...['label', 'format', 'state', 'result'].map((part) => Object.assign(document.createElement('td'), { className: `job-${part}` })))
      row.querySelector('.job-label').textContent = lastInput.label
      row.querySelector('.job-format').textContent = $('job-format').selectedOptions[0].textContent
      jobsList.prepend(row)
      jobs.set(id, { id, label: lastInput.label, format, row, state: '' })
      $('jobs-empty').hidden = true
    }
    showJobState({ id, state: 'waiting' })
    void pollJobs()
  } catch (error) {
    showJobsError(`Could not send ${lastInput.label} to the queue: ${error.message}`)
  } finally {
    queueButton.disabled = false
  }
}

/** One job's row from its status: state (with progress while active), the one-line error, the result link. */
function showJobState(status) {
  const job = jobs.get(status.id)
  if (!job || job.state === status.state && status.state !== 'active') return
  job.state = status.state
  const stateCell = job.row.querySelector('.job-state')
  const resultCell = job.row.querySelector('.job-result')
  let text = STATE_TEXT[status.state] ?? status.state
  if (status.state === 'active' && typeof status.progress === 'number' && status.progress > 0) text += ` (${Math.round(status.progress)}%)`
  if (status.state === 'failed' && status.error) text += `: ${status.error}`
  stateCell.textContent = text
  stateCell.className = `job-state job-state-${status.state}`
  resultCell.textContent = ''
  if (status.state === 'completed') {
    const link = document.createElement('a')
    link.href = `/api/jobs/${encodeURIComponent(status.id)}/result?format=${job.format}`
    link.textContent = `Download ${job.format.toUpperCase()}`
    link.addEventListener('click', (event) => {
      // The API may need the key, which a plain link cannot send.
      event.preventDefault()
      api(link.href).then((response) => save(response, job.format), (error) => showJobsError(`Could not download the result of ${job.label}: ${error.message}`))
    })
    resultCell.append(link)
  }
}

/** Ask for every unfinished job's state in one request, then again a second later while any is unfinished. */
async function pollJobs() {
  clearTimeout(polling)
  const open = [...jobs.values()].filter((job) => !FINISHED.has(job.state)).map((job) => job.id)
  if (open.length === 0) return
  try {
    const { jobs: statuses } = await (await api(`/api/jobs?ids=${open.join(',')}`)).json()
    for (const status of statuses) showJobState(status)
    showJobsError('')
  } catch (error) {
    showJobsError(`Cannot see the jobs' state just now: ${error.message}`)
  }
  polling = setTimeout(pollJobs, 1000)
}

queueButton.addEventListener('click', sendJob)
void findQueue()
