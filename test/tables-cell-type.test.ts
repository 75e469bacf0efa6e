import { describe, expect, it } from 'vitest'
import { cellKind } from '../src/tables/cell-kind.js'
import { type CellType, isBareYear, parseReportNumber, typeCell } from '../src/tables/cell-type.js'

const cases: [CellType, string[]][] = [
  ['empty', ['', '   ', '\u3000']],
  ['placeholder', ['—', '-', '–', '--', '|', 'n/a', 'N/A', 'nil', '无', '不适用', '…']],
  ['number', ['1,491', '(1,491)', '（1,491）', '-12', '−3.5', '1.393,4', '( 498,5)', '１２３', '１，２３４', '1 234 567', '1,234*', '5m', '3x', '0']],
  ['percent', ['12.5%', '１２．５％', '(3.2%)', '5‰']],
  ['currency', ['$ 12.5', '€3', 'RMB 100', '100元', '12万元', '(¥1,000)']],
  ['quantity', ['12 mm', '14 km/h', '3 m/s', '3.5 kg', '21件', '3人', '220 V', '15 ℃', '2 小时']],
  ['year', ['2023', '1850', '2023年', '2023年度', 'FY2023', 'FY 23', '２０２３年']],
  ['date', ['2024-05-01', '2024/5/1', '31.12.2023', '2023年5月', '5月1日']],
  ['time', ['05:52', '23:10', '7:05 pm', '０５：５２']],
  ['range', ['10–20', '0-14', '5~10%', '2019—2020', '1.5 - 2.5']],
  ['code', ['IP67', 'v2.1', 'A-12', 'SKU-00231', 'Q1']],
  ['mark', ['Yes', 'no', '✓', '✗', '是', '否']],
  ['label', ['Name', 'Total assets', '自然人', '（一）予以公开', 'Item 3', 'Sunny']],
  ['prose', ['This is a sentence. It goes on.', '本机关已经公开。其余不予公开。']]
]

describe('typeCell: one cell typing for every part of docmend', () => {
  for (const [type, texts] of cases) {
    it.each(texts)(`%s is ${type}`, (text) => {
      expect(typeCell(text)).toBe(type)
    })
  }

  it('keeps four-digit numbers that cannot be years as numbers', () => {
    expect(typeCell('2150')).toBe('number')
    expect(typeCell('1750')).toBe('number')
    expect(isBareYear('1850')).toBe(true)
    expect(isBareYear('2023年')).toBe(false)
  })

  it('gives the coarse kinds the layouts use: figures, dates, times and quantities are values; codes and ranges label', () => {
    expect(['1,491', '12 mm', '05:52', '—', '2024-05-01'].map(cellKind)).toEqual(['value', 'value', 'value', 'value', 'value'])
    expect(['FY2023', '2023年度', '1850'].map(cellKind)).toEqual(['year', 'year', 'year'])
    expect(['IP67', 'v2.1', '0-14', 'Sunny'].map(cellKind)).toEqual(['label', 'label', 'label', 'label'])
  })

  it('reads the value of report numbers in the same module', () => {
    expect(parseReportNumber('(1,491)')?.value).toBe(-1491)
    expect(parseReportNumber('1.393,4', { decimalComma: true })?.value).toBeCloseTo(1393.4)
    expect(parseReportNumber('１２３')?.value).toBe(123)
    expect(parseReportNumber('—')).toMatchObject({ value: 0, dash: true })
    expect(parseReportNumber('n/a')).toBeNull()
  })
})
