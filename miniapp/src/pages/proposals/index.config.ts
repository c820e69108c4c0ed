export default definePageConfig({ navigationBarTitleText: '提案建议' })
