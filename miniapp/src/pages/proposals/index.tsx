import ComingSoon from '../../components/ComingSoon'

export default function Proposals() {
  return <ComingSoon testId="page-proposals" title="提案建议" what={['提交教代会提案、附议同事的提案', '提交金点子（合理化建议）', '查看提案的办理和答复情况']} />
}
