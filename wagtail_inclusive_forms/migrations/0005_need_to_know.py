"""The permission to read sensitive answers, and the group that has it.

"Privacyfunctionarissen" (privacy officers) may see the audit and read sensitive
answers; add the people who need to know to it. Superusers have every
permission anyway. The permissions are made here (not only after migrate) so
the group gets them on a new site as well as on one that is upgraded.
"""

from django.db import migrations

GROUP = "Privacyfunctionarissen"
PERMISSIONS = [
    ("view_audit", "Can see the audit of inclusive forms"),
    ("view_sensitive_answers", "Can see sensitive answers in form submissions"),
]


def create_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="wagtail_inclusive_forms", model="auditrun"
    )
    group, _created = Group.objects.get_or_create(name=GROUP)
    for codename, name in PERMISSIONS:
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        group.permissions.add(permission)
    admin_access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if admin_access is not None:
        group.permissions.add(admin_access)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('wagtail_inclusive_forms', '0004_audit_draft_asking'),
        ('wagtailadmin', '0001_create_admin_access_permissions'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='auditrun',
            options={'get_latest_by': ['created_at', 'pk'], 'ordering': ['-created_at', '-pk'], 'permissions': [('view_audit', 'Can see the audit of inclusive forms'), ('fix_forms', 'Can replace old sex questions in bulk'), ('view_sensitive_answers', 'Can see sensitive answers in form submissions')], 'verbose_name': 'audit run', 'verbose_name_plural': 'audit runs'},
        ),
        migrations.RunPython(create_group, remove_group),
    ]
