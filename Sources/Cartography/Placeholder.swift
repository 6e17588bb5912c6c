enum PlaceholderCartography {}
