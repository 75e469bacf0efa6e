/**
 * Issue 13, case 7: `docmend check` speaks only when it is sure. Tables
 * pasted by hand whose totals are right (a fund statement, a disease table
 * with a rate column, a schools table with a ratio column, a debt table with
 * shares) draw no finding; a total that is really wrong still does.
 */
import { describe, expect, it } from 'vitest'
import { checkDocument } from '../src/check/check-document.js'
import { readDocument } from '../src/convert.js'

async function checkPaste(lines: string[]) {
  const { doc } = await readDocument(lines.join('\n'), { from: 'text' })
  return checkDocument(doc.tree, {})
}

const FUND = [
  'Fund statement\t2023\t2022',
  'Balance at 1 January\t1,000\t900',
  'Contributions received\t500\t450',
  'Benefits paid\t(200)\t(180)',
  'Investment income\t50\t(170)',
  'Balance at 31 December\t1,350\t1,000',
  'Total contributions\t500\t450'
]

const DISEASES = [
  'Disease\tCases\tDeaths\tCase fatality (%)',
  'Malaria\t10,000\t50\t0.5',
  'Measles\t2,000\t20\t1.0',
  'Cholera\t500\t25\t5.0',
  'Total\t12,500\t95\t0.8'
]

const SCHOOLS = [
  'District\tSchools\tPupils\tTeachers\tPupils per teacher',
  'A\t10\t2,000\t80\t25',
  'B\t5\t900\t30\t30',
  'C\t8\t1,600\t64\t25',
  'Total\t23\t4,500\t174\t26'
]

const HOSPITALS = [
  'Hospital\tBeds\tAdmissions\tMean stay (days)',
  'City General\t400\t12,000\t4.5',
  'St Mary\t250\t8,000\t5.1',
  'Riverside\t150\t4,000\t3.9',
  'Total\t800\t24,000\t4.6'
]

describe('issue 13 (7): check raises no false alarm on correct totals', () => {
  it('checks "Total contributions" against the contributions line it names, not against every line of the statement', async () => {
    const check = await checkPaste(FUND)
    expect(check.findings).toEqual([])
    expect(check.tables[0].notes.join('\n')).toMatch(/row total "Total contributions" = sum of 1 rows? \(the items .*that its label names\): Contributions received; checked in 2 columns: all hold/)
  })

  it('leaves a rate column, a ratio column and an average column out of the sums, and checks the rest', async () => {
    for (const table of [DISEASES, SCHOOLS, HOSPITALS]) {
      const check = await checkPaste(table)
      expect(check.findings, table[0]).toEqual([])
      expect(check.tables[0].notes.join('\n'), table[0]).toMatch(/row total "Total" = sum of 3 rows .*all hold/)
    }
  })

  it('still reports a wrong total in those tables', async () => {
    const check = await checkPaste(SCHOOLS.map((l) => l.replace('Total\t23\t4,500', 'Total\t23\t4,600')))
    expect(check.findings.map((f) => [f.rowHeader, f.colHeader, f.statedText, f.computedText])).toEqual([['Total', 'Pupils', '4,600', '4,500']])
    const fund = await checkPaste(FUND.map((l) => l.replace('Total contributions\t500', 'Total contributions\t550')))
    expect(fund.findings.map((f) => [f.rowHeader, f.colHeader, f.statedText, f.computedText])).toEqual([['Total contributions', '2023', '550', '500']])
  })
})

describe('issue 13 (7): a column of averages under no telling header', () => {
  it('is left out when every total in it lies between its parts, and the other columns are still checked', async () => {
    const table = [
      'Ward\tPatients\tStay (days)',
      'Ward 1\t40\t4.0',
      'Ward 2\t60\t6.0',
      'Medical subtotal\t100\t5.2',
      'Ward 3\t30\t3.0',
      'Ward 4\t20\t2.0',
      'Surgical subtotal\t50\t2.6',
      'Total\t150\t4.3'
    ]
    const check = await checkPaste(table)
    expect(check.findings).toEqual([])
    const wrong = await checkPaste(table.map((l) => l.replace('Surgical subtotal\t50', 'Surgical subtotal\t55')))
    expect(wrong.findings.map((f) => [f.rowHeader, f.colHeader, f.statedText])).toEqual([['Surgical subtotal', 'Patients', '55']])
  })
})
