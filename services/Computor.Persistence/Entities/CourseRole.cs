namespace Computor.Persistence.Entities;

/// <summary>Course roles in ascending order of rights; comparisons rely on this order.</summary>
public enum CourseRole
{
    Student = 0,
    Tutor = 1,
    Lecturer = 2,
    Maintainer = 3,
    Owner = 4,
}
