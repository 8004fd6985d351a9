// A Docusaurus site served under /acme/, with its docs at /acme/docs/.
module.exports = {
  title: 'Acme connector',
  url: 'https://acme.example',
  baseUrl: '/acme/',
  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: 'docs',
          sidebarPath: require.resolve('./sidebars.js'),
        },
      },
    ],
  ],
};
