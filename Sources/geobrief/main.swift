print("geobrief")
