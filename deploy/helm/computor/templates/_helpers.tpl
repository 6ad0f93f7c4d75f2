{{- define "computor.image" -}}
{{- $registry := .root.Values.image.registry -}}
{{- if $registry }}{{ $registry }}/{{ end }}computor-{{ .name }}:{{ .root.Values.image.tag }}
{{- end -}}

{{- define "computor.secretName" -}}
{{- if .Values.secrets.existingSecret }}{{ .Values.secrets.existingSecret }}{{ else }}{{ .Release.Name }}-computor{{ end }}
{{- end -}}

{{- define "computor.probes" -}}
livenessProbe:
  httpGet: {path: /health/live, port: 8080}
  periodSeconds: 10
readinessProbe:
  httpGet: {path: /health/ready, port: 8080}
  periodSeconds: 5
{{- end -}}
