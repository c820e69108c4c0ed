import LoginPanel from './LoginPanel'

/** 登录. Mini-program: WeChat login (+ invite code binding). H5 (local only): 开发登录, see LoginPanel.h5.tsx. */
export default function Login() {
  return <LoginPanel />
}
