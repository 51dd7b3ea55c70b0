Page({
  takeIdPhoto() {
    wx.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['camera'] });
  },
  upload(path) {
    wx.uploadFile({ url: 'https://upload.demo-bank.example.cn/id', filePath: path, name: 'file' });
  }
});
