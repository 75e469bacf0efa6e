/** A cell placed on the grid by inference. */
export interface Placed {
  row: number
  col: number
  rowSpan: number
  colSpan: number
  text: string
  header: boolean
  /** An empty cell standing in for one the source lost. */
  filler?: boolean
}
