import Taro from '@tarojs/taro'
import { ApiError } from '../../api/client'

/** Mini-program: an .xlsx that came inside a JSON answer (base64, e.g. 邀请码打印表), saved under the user data folder and opened (share / print from there). */
export async function saveXlsxBase64(base64: string, fileName: string): Promise<void> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: Taro.base64ToArrayBuffer(base64),
      success: () => resolve(),
      fail: () => reject(new ApiError(0, 'SAVE_FAILED', '文件保存失败，请再试一次')),
    })
  })
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
}
