export default definePageConfig({ navigationBarTitleText: '申请困难补助' })
