"""`make bench`: what this site's own layer costs over plain Material, at growing sizes."""
