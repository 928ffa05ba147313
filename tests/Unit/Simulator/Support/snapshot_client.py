#!/usr/bin/python3
"""Reads FlinkStateSnapshots and the Events about them with the official Kubernetes Python client.

Usage: snapshot_client.py KUBECONFIG NAMESPACE
Lists the snapshots (CustomObjectsApi), watches them from the start for two seconds (watch.Watch, which
also replays the current ones as ADDED), and lists the core v1 Events whose involvedObject is a
FlinkStateSnapshot into the typed CoreV1Event model. Prints one JSON document on stdout."""

import json
import sys

from kubernetes import client, config, watch

GROUP, VERSION, PLURAL = "flink.apache.org", "v1beta1", "flinkstatesnapshots"


def main():
    config.load_kube_config(config_file=sys.argv[1])
    namespace = sys.argv[2]
    custom = client.CustomObjectsApi()
    listed = custom.list_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL)
    watched = []
    for event in watch.Watch().stream(custom.list_namespaced_custom_object, GROUP, VERSION, namespace, PLURAL, timeout_seconds=2):
        obj = event["object"]
        watched.append({"type": event["type"], "name": obj["metadata"]["name"], "state": (obj.get("status") or {}).get("state")})
    events = client.CoreV1Api().list_namespaced_event(namespace, field_selector="involvedObject.kind=FlinkStateSnapshot")
    print(json.dumps({
        "snapshots": [{
            "name": item["metadata"]["name"],
            "state": (item.get("status") or {}).get("state"),
            "triggerType": (item["metadata"].get("labels") or {}).get("snapshot.trigger-type"),
        } for item in listed["items"]],
        "watched": watched,
        "events": [{
            "reason": e.reason,
            "type": e.type,
            "kind": e.involved_object.kind,
            "name": e.involved_object.name,
            "count": e.count,
            "component": e.source.component,
            "first": e.first_timestamp.isoformat(),
            "last": e.last_timestamp.isoformat(),
        } for e in events.items],
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
