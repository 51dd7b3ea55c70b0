module.exports = {
  appId: 'wx0123456789abcdef',
  appSecret: '3f2a9c81d47be6650a1c2d3e4f5a6b7c',
  apiBase: 'https://api.demo-bank.example.cn/v1',
  legacyBase: 'http://legacy.demo-bank.example.cn/gateway',
  reportHost: 'http://203.0.113.10:8080/collect',
  cosBucket: 'https://demo-1250000000.cos.ap-shanghai.myqcloud.com',
  signingKey: '-----BEGIN RSA PRIVATE KEY-----\nMIICXwIBAAKBgQCf1Ngr37vpgleNImL3Tc5KYEGKWt2BZ3VCwsYkW8zNnrW1/a8F\nOY+k39M4eJmccHdfhn6kIh3tBFQ5TlB9fiK8BVBrmgGeUQ1YL/KsMDqczNQG0e1v\n1LEh8Bt/SC3aQxXKv9YqfDTi2k9DgLIF/0fr0QQWsUpZv5JfNv2+bVwW1QIDAQAB\nAoGBAJ0TWWss0wj2fsKGM8qlXYI8vMyS5jOhkF0O/BmJWmoNerkjWhkBa8j16ygJ\nZbWX1ck8bUMzAEQJyBgVfgcGqmyeDSrmDGnl3fWzhoHsXn3IzsD+HP5bIZ2tXAHV\ngGUZ3zzAMl668TH3Ju6UUJpqN56yEsaEshldqzOH4IzI/XzBAkEAzXfUnPhAmT9K\nsurKfbLeLV2EYuDlPsw3SERFtlv9eKv5LD3gSO1K/6gC/lG+d03TpOdf591e1sFo\n0qhH89qyRQJBAMcjwIP2F8YPDplx/C5z2Lc80jgL/KvoBYpu2Q6tRdJZeuXlICFu\n9pMJhCNiKh1tJ7HgKSVLhUlP9UNGlzllY1ECQQDJIQkeUyEhIkSkGZP4MdStQcLq\n681ciJmBA1veY/QeYPG8LiHUIXzt//BWNXyl2qhX3yoRlbBVtuQ+ef5dJfKlAkEA\nmDrhaT9P7y0FeRGkuRIAAhtxjDzFm9hTm/6e2VRmAqY6h9G+3TAJOF/W7oGVNkeC\nR7zXV1ZC/scr85Db+5lg8QJBAKhyAU1s5nowIN33EcRctGL/oU/sQem4xYenPBtz\nNp3t1Dp+kRV+y+kpf7z8ePSL6LXLRSmUKpk/7+PopghE+hE=\n-----END RSA PRIVATE KEY-----'
};
