export default definePageConfig({ navigationBarTitleText: '微信绑定邀请码' })
