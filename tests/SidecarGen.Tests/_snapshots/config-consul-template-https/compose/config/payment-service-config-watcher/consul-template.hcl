consul {
  address = "consul.example.com:8501"
  ssl {
    enabled = true
    verify  = true
  }
  retry {
    enabled     = true
    attempts    = 0
    backoff     = "250ms"
    max_backoff = "1m"
  }
}

wait {
  min = "2s"
  max = "10s"
}

template {
  contents    = "{{ tree \"shop/payments\" | explode | toJSONPretty }}"
  destination = "/etc/app/config/config.json"
  perms       = 0644
}
