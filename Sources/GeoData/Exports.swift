@_exported import DataCatalog
