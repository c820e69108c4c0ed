import Taro from '@tarojs/taro'
import { api } from '../api/more'
import { errorMessage } from '../api/client'
import { downloadXlsx } from './files'

/**
 * 导出 an .xlsx from the API (`path`) as `fileName`: a toast `doneText` when it worked, else a
 * dialog with the reason. Never throws; true when the file was saved.
 */
export async function exportXlsx(path: string, fileName: string, doneText: string, fileType: 'xlsx' | 'docx' = 'xlsx'): Promise<boolean> {
  try {
    await downloadXlsx(path, fileName, fileType)
    void Taro.showToast({ title: doneText, icon: 'success' })
    return true
  } catch (e) {
    void Taro.showModal({ title: '导出失败', content: errorMessage(e), showCancel: false, confirmText: '知道了' })
    return false
  }
}

/** 导出名单 of an event (分小组名单、汇总、候补): the committee's export on the event page and in 报名名单. */
export const exportEventRoster = (e: { eventId: string; title: string }) =>
  exportXlsx(api.eventRosterXlsxPath(e.eventId), `${e.title}-名单.xlsx`, '名单已导出')
