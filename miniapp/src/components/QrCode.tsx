import { View } from '@tarojs/components'
import { useMemo } from 'react'
import { qrRuns } from '../lib/qr'
import './QrCode.css'

const QUIET = 4

/**
 * A QR code drawn with plain views (one per dark run of a row), so it looks the same in the
 * mini-program and in H5 without a canvas. `size` is the widest it may be, in CSS px; each module
 * gets a whole number of pixels so the edges stay sharp.
 */
export default function QrCode({ text, size, testId }: { text: string; size: number; testId?: string }) {
  const { count, rows } = useMemo(() => qrRuns(text), [text])
  const cell = Math.max(2, Math.floor(size / (count + QUIET * 2)))
  const px = (n: number) => `${n * cell}px`
  return (
    <View
      className="qr"
      data-testid={testId}
      data-text={text}
      style={{ width: px(count + QUIET * 2), height: px(count + QUIET * 2), padding: 0, boxSizing: 'border-box', background: '#ffffff', position: 'relative' }}
    >
      {rows.map((runs, r) => (
        <View key={r} style={{ position: 'absolute', left: px(QUIET), top: px(QUIET + r), width: px(count), height: px(1) }}>
          {runs.map(([start, len]) => (
            <View key={start} style={{ position: 'absolute', left: px(start), top: 0, width: px(len), height: px(1), background: '#000000' }} />
          ))}
        </View>
      ))}
    </View>
  )
}
