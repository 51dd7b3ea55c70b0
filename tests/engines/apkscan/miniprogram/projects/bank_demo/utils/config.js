module.exports = {
  appId: 'wx0123456789abcdef',
  appSecret: '3f2a9c81d47be6650a1c2d3e4f5a6b7c',
  apiBase: 'https://api.demo-bank.example.cn/v1',
  legacyBase: 'http://legacy.demo-bank.example.cn/gateway',
  reportHost: 'http://203.0.113.10:8080/collect',
  cosBucket: 'https://demo-1250000000.cos.ap-shanghai.myqcloud.com',
  signingKey: '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAdemo\n-----END RSA PRIVATE KEY-----'
};
