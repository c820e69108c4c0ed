import { ApiError, NETWORK_ERROR_MESSAGE, apiUrl, authHeader, goToLogin, toApiError } from '../api/client'

export interface PickedFile {
  name: string
  size: number
  base64: string
}

/** H5 picks files through the <input type="file"> of FilePicker.h5.tsx; this is not used there. */
export async function pickXlsx(): Promise<PickedFile | null> {
  return null
}

/** Reads a browser File as base64 (without the data: prefix). */
export function readFileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const s = String(reader.result ?? '')
      resolve(s.slice(s.indexOf(',') + 1))
    }
    reader.onerror = () => reject(new ApiError(0, 'READ_FAILED', '读取文件失败，请再试一次'))
    reader.readAsDataURL(file)
  })
}

/** H5: fetch the .xlsx (or .docx) with the token, then save it through a temporary link. */
export async function downloadXlsx(path: string, fileName: string, _fileType: 'xlsx' | 'docx' = 'xlsx'): Promise<void> {
  let res: Response
  try {
    res = await fetch(apiUrl(path), { headers: authHeader() })
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_ERROR_MESSAGE)
  }
  if (!res.ok) {
    const body = await res.text().catch(() => '')
    if (res.status === 401) goToLogin()
    throw toApiError(res.status, body)
  }
  saveBlob(await res.blob(), fileName)
}

/** H5: an .xlsx that came inside a JSON answer (base64, e.g. 邀请码打印表), saved the same way. */
export async function saveXlsxBase64(base64: string, fileName: string): Promise<void> {
  const bin = atob(base64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  saveBlob(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), fileName)
}

/** Saves a blob through a temporary link. */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 30000)
}
