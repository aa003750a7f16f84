"""Names and places for demo and training data: common Indian given names, family names and districts by state.

Used only to make demo profiles and training sandboxes look like a real Indian blood centre's register.
"""

from __future__ import annotations

MALE_GIVEN = (
    "Aarav", "Abhishek", "Aditya", "Ajay", "Akash", "Amit", "Anand", "Anil", "Ankit", "Arjun", "Arun", "Ashok",
    "Deepak", "Dinesh", "Ganesh", "Gaurav", "Gopal", "Harish", "Imran", "Jagdish", "Karan", "Kishore", "Krishna",
    "Kunal", "Mahesh", "Manoj", "Mohammed", "Mukesh", "Naveen", "Nikhil", "Nitin", "Pankaj", "Pradeep", "Prakash",
    "Prashant", "Rahul", "Rajesh", "Rakesh", "Ramesh", "Ravi", "Rohit", "Sachin", "Sanjay", "Santosh", "Satish",
    "Shankar", "Siddharth", "Sunil", "Suresh", "Tarun", "Uday", "Vijay", "Vikas", "Vinod", "Vishal", "Yogesh",
    "Gurpreet", "Harpreet", "Joseph", "Thomas", "Venkatesh", "Murugan", "Senthil", "Bikash", "Debashish",
)
FEMALE_GIVEN = (
    "Aarti", "Aishwarya", "Anita", "Anjali", "Asha", "Bhavna", "Deepa", "Divya", "Fatima", "Gayatri", "Geeta",
    "Jyoti", "Kavita", "Lakshmi", "Mamta", "Meena", "Neha", "Nisha", "Pooja", "Priya", "Rekha", "Renu", "Ritu",
    "Sangeeta", "Sarita", "Seema", "Shalini", "Shanti", "Shobha", "Sneha", "Sonia", "Sunita", "Swati", "Usha",
    "Vandana", "Varsha", "Lalitha", "Meenakshi", "Kavya", "Ananya", "Simran", "Mary", "Reshma", "Nusrat",
    "Priyanka", "Rupali", "Tanvi", "Madhuri", "Archana", "Poonam",
)
FAMILY = (
    "Sharma", "Verma", "Gupta", "Singh", "Kumar", "Yadav", "Mishra", "Pandey", "Tiwari", "Chauhan", "Joshi",
    "Agarwal", "Patel", "Shah", "Desai", "Mehta", "Jadhav", "Patil", "Kulkarni", "Deshmukh", "Pawar", "Shinde",
    "Reddy", "Rao", "Naidu", "Iyer", "Iyengar", "Nair", "Menon", "Pillai", "Kurian", "Thomas", "Das", "Ghosh",
    "Banerjee", "Chatterjee", "Mukherjee", "Bose", "Sen", "Dutta", "Roy", "Mohanty", "Sahoo", "Behera",
    "Khan", "Ansari", "Qureshi", "Siddiqui", "Sheikh", "Gill", "Sandhu", "Dhillon", "Bhatia", "Malhotra",
    "Kapoor", "Chopra", "Saxena", "Srivastava", "Tripathi", "Dubey", "Chaudhary", "Meena", "Rathore", "Naik",
    "Gowda", "Hegde", "Shetty", "Murthy", "Subramanian", "Krishnan", "Raman", "Bora", "Baruah", "Kalita",
)
DISTRICTS = (
    ("Delhi", "New Delhi"), ("Delhi", "South Delhi"), ("Delhi", "North West Delhi"),
    ("Uttar Pradesh", "Lucknow"), ("Uttar Pradesh", "Kanpur Nagar"), ("Uttar Pradesh", "Varanasi"),
    ("Uttar Pradesh", "Agra"), ("Bihar", "Patna"), ("Bihar", "Gaya"), ("Rajasthan", "Jaipur"),
    ("Rajasthan", "Jodhpur"), ("Madhya Pradesh", "Bhopal"), ("Madhya Pradesh", "Indore"),
    ("Maharashtra", "Pune"), ("Maharashtra", "Mumbai Suburban"), ("Maharashtra", "Nagpur"),
    ("Gujarat", "Ahmedabad"), ("Gujarat", "Surat"), ("Karnataka", "Bengaluru Urban"), ("Karnataka", "Mysuru"),
    ("Tamil Nadu", "Chennai"), ("Tamil Nadu", "Coimbatore"), ("Tamil Nadu", "Madurai"), ("Kerala", "Ernakulam"),
    ("Kerala", "Thiruvananthapuram"), ("Telangana", "Hyderabad"), ("Andhra Pradesh", "Visakhapatnam"),
    ("West Bengal", "Kolkata"), ("West Bengal", "Howrah"), ("Odisha", "Khordha"), ("Odisha", "Cuttack"),
    ("Punjab", "Ludhiana"), ("Punjab", "Amritsar"), ("Haryana", "Gurugram"), ("Assam", "Kamrup Metropolitan"),
    ("Jharkhand", "Ranchi"), ("Chhattisgarh", "Raipur"), ("Uttarakhand", "Dehradun"),
)
HOSPITALS = (
    "District Hospital", "Government Medical College Hospital", "Civil Hospital", "City Nursing Home",
    "Mission Hospital", "Community Health Centre", "ESI Hospital", "Railway Hospital",
)
WARDS = ("Medicine", "Surgery", "Obstetrics", "Paediatrics", "Orthopaedics", "ICU", "Emergency", "Oncology")
