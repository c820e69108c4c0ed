import { describe, expect, it } from 'vitest'
import { reportVerdict, sortReportRows } from '../src/admin/shared/importReport'
import { changes, formOf } from '../src/admin/shared/memberForm'
import { readFileBase64 } from '../src/lib/files.h5'
import { canManage, roleLabel, sortRoles } from '../src/lib/roles'
import type { ImportReport, Member } from '../src/api/types'

const report = (over: Partial<ImportReport>): ImportReport => ({
  rows: [],
  created: 0,
  updated: 0,
  unchanged: 0,
  errorCount: 0,
  fileErrors: [],
  ...over,
})

describe('roster import report', () => {
  it('offers 确认导入 only without row or file errors', () => {
    expect(reportVerdict(report({ created: 2 }))).toMatchObject({ ok: true, canApply: true })
    expect(reportVerdict(report({ created: 2, errorCount: 1 }))).toMatchObject({ ok: false, canApply: false })
    expect(reportVerdict(report({ created: 2, fileErrors: ['缺少“姓名”列'] }))).toMatchObject({ canApply: false })
  })

  it('lists rows with errors first, then in sheet order', () => {
    const rows = sortReportRows([
      { row: 2, name: 'a', staffNo: '1', action: 'create', errors: [] },
      { row: 5, name: 'b', staffNo: '', action: 'error', errors: ['工号不能为空'] },
      { row: 3, name: 'c', staffNo: '3', action: 'update', errors: [] },
      { row: 4, name: '', staffNo: '4', action: 'error', errors: ['姓名不能为空'] },
    ])
    expect(rows.map((r) => r.row)).toEqual([4, 5, 2, 3])
  })
})

describe('member edit form', () => {
  const m: Member = {
    memberId: 'm-0001',
    orgId: 'org-1',
    name: '张伟',
    staffNo: 'T1',
    groupId: 'g-1',
    roles: ['member'],
    retired: false,
    active: true,
  }
  it('sends only what changed', () => {
    const before = formOf(m)
    expect(changes(before, before)).toEqual({})
    expect(changes(before, { ...before, name: ' 张伟伟 ', phone: '13812345678' })).toEqual({ name: '张伟伟', phone: '13812345678' })
    expect(changes(before, { ...before, isDelegate: true, delegateTerm: '第九届' })).toEqual({ isDelegate: true, delegateTerm: '第九届' })
  })
})

describe('roles', () => {
  it('names roles in Chinese, most senior first, with the delegate term', () => {
    expect(sortRoles(['member', 'delegate', 'chair'])).toEqual(['chair', 'delegate', 'member'])
    expect(roleLabel('delegate', '第九届')).toBe('教代会代表（第九届）')
    expect(roleLabel('treasurer')).toBe('经审/财务')
    expect(canManage(['member', 'committee'])).toBe(true)
    expect(canManage(['member', 'treasurer'])).toBe(false)
  })
})

describe('H5 file reading', () => {
  it('reads a picked file as plain base64', async () => {
    const file = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04])], 'r.xlsx')
    await expect(readFileBase64(file)).resolves.toBe('UEsDBA==')
  })
})
