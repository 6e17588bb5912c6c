enum PlaceholderGeoData {}
