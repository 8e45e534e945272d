consul {
  address = "consul:8500"
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
  contents    = "{{ tree \"config/payment-service\" | explode | toJSONPretty }}"
  destination = "/etc/app/config/config.json"
  perms       = 0644
}
