export default definePageConfig({ navigationBarTitleText: '发起提案征集' })
