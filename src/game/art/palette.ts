// The one palette of the city: Baltic harbour towns — red and ochre roofs, copper-green spires,
// pastel plaster, grey-blue sea.

export const SEA = { deep: '#3f7fa8', shallow: '#69a9c9', foam: '#d8eef5', wave: '#8cc3db' };
export const LAND = { grass: '#a3c47f', meadow: '#b5cf8c', park: '#86b467', sand: '#e6d6a4', field: '#c9cf86' };
export const STREET = {
  paving: '#ece3cf',
  kerb: '#cbbd9f',
  cobble: '#dccba6',
  cobbleDark: '#c7b48c',
  asphalt: '#8d8f93',
};
export const ROOFS = ['#c4553a', '#b5472f', '#d08a3a', '#c9683c', '#a8432f', '#d9a045', '#8f3f31'] as const;
export const WALLS = ['#f3e7cb', '#f1d38a', '#ecbfa8', '#f8f3e8', '#c8dce3', '#e9d6b9', '#f4dcc4'] as const;
export const COPPER = '#6fa891';
export const BRICK = '#b65a3e';
export const TREE = { dark: '#4a8240', mid: '#5f9b4c', light: '#84bd62', trunk: '#7a5a3a' };
export const INK = '#2f3640';
export const SHADOW = 'rgba(40, 50, 60, 0.22)';
export const GOLD = '#f2c230';
export const WINDOW = { day: '#7f9fb3', lit: '#ffe08a', frame: '#f7f2e6' };
