import { describe, expect, it } from 'vitest'
import { splitLastTwo } from '../src/lib/lastLine'

describe('splitLastTwo: no character alone on a title’s last line', () => {
  it('keeps the last two characters together, spaces between them too', () => {
    expect(splitLastTwo('二〇二五年教职工春季健步走')).toEqual(['二〇二五年教职工春季健', '步走'])
    expect(splitLastTwo('候补第 1 位')).toEqual(['候补第 ', '1 位'])
    expect(splitLastTwo('确定取消活动')).toEqual(['确定取消', '活动'])
  })
  it('leaves short texts whole', () => {
    expect(splitLastTwo('报名')).toEqual(['报名', ''])
    expect(splitLastTwo('签')).toEqual(['签', ''])
    expect(splitLastTwo('')).toEqual(['', ''])
  })
})
