import { afterEach, describe, expect, it, vi } from 'vitest'
import Taro from '@tarojs/taro'
import { ApiError } from '../src/api/client'
import * as files from '../src/lib/files'
import { exportEventRoster, exportXlsx } from '../src/lib/exportXlsx'

const taro = Taro as unknown as Record<string, ReturnType<typeof vi.fn>>

describe('导出 (one helper for every export)', () => {
  afterEach(() => vi.restoreAllMocks())

  it('says it is done with a toast', async () => {
    const download = vi.spyOn(files, 'downloadXlsx').mockResolvedValue()
    await expect(exportXlsx('/orgs/o-1/roster.xlsx', '花名册.xlsx', '花名册已导出')).resolves.toBe(true)
    expect(download).toHaveBeenCalledWith('/orgs/o-1/roster.xlsx', '花名册.xlsx', 'xlsx')
    expect(taro.showToast).toHaveBeenLastCalledWith({ title: '花名册已导出', icon: 'success' })
  })

  it('downloads a .docx as a .docx (学期总结 初稿): WeChat opens it as Word', async () => {
    const download = vi.spyOn(files, 'downloadXlsx').mockResolvedValue()
    await expect(exportXlsx('/orgs/o-1/report.docx?from=2026-08-01&to=2027-01-31', '总结.docx', '总结初稿已下载', 'docx')).resolves.toBe(true)
    expect(download).toHaveBeenCalledWith('/orgs/o-1/report.docx?from=2026-08-01&to=2027-01-31', '总结.docx', 'docx')
  })

  it('says why not in a dialog, and does not throw', async () => {
    vi.spyOn(files, 'downloadXlsx').mockRejectedValue(new ApiError(403, 'FORBIDDEN', '只有工会委员可以导出'))
    await expect(exportEventRoster({ eventId: 'e 1', title: '春游' })).resolves.toBe(false)
    expect(taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '导出失败', content: '只有工会委员可以导出' }))
  })
})
