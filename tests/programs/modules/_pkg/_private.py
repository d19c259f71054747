SECRET = "s3"
