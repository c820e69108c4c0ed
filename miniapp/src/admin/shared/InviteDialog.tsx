import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import BigButton from '../../components/BigButton'
import Modal from '../../components/Modal'
import InviteCode from './InviteCode'
import { fmtExpiry, inviteMessage, type IssuedInvite } from './invites'
import './admin.css'
import './invites.css'

/** The one code just made for one member: shown once, with 复制 to send it over WeChat. */
export default function InviteDialog({ invite, onClose }: { invite: IssuedInvite | null; onClose: () => void }) {
  const copy = async () => {
    if (!invite) return
    try {
      await Taro.setClipboardData({ data: inviteMessage(invite) })
      void Taro.showToast({ title: '已复制，可粘贴到微信发给本人', icon: 'none', duration: 2500 })
    } catch {
      void Taro.showToast({ title: '复制没有成功，请抄下邀请码', icon: 'none' })
    }
  }
  return (
    <Modal
      className="invite-dialog"
      visible={!!invite}
      title={invite ? `${invite.name}的邀请码` : ''}
      footer={
        <>
          <BigButton type="default" onClick={() => void copy()} testId="invite-copy">
            复制
          </BigButton>
          <BigButton onClick={onClose} testId="invite-dialog-close">
            知道了
          </BigButton>
        </>
      }
    >
      {invite && (
        <View className="invite-dialog__body" data-testid="invite-dialog">
          <View className="invite-dialog__code">
            <InviteCode memberId={invite.memberId} code={invite.code} big />
          </View>
          <Text className="invite-dialog__expiry">有效期至 {fmtExpiry(invite.expiresAt)}</Text>
          <Text className="invite-dialog__hint">
            请把邀请码告诉{invite.name}：在微信里打开“教工之家”小程序，输入这 8 位邀请码即可绑定。关闭后就看不到这个码了，请先抄下或复制。
          </Text>
        </View>
      )}
    </Modal>
  )
}
